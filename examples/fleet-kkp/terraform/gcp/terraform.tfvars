cluster_name           = "kkp-gcp"
control_plane_vm_count = 3
