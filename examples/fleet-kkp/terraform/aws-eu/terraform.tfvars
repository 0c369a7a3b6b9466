cluster_name           = "kkp-aws-eu"
control_plane_vm_count = 3
