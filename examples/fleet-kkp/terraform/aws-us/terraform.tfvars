cluster_name           = "kkp-aws-us"
control_plane_vm_count = 3
