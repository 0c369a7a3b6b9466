cluster_name           = "kkp-master"
control_plane_vm_count = 3
