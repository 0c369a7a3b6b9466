# Stand-ins for the AWS resources the wizard creates: one terraform_data per control plane VM
# and one for the API load balancer, so plans show realistic create/update/delete counts.
resource "terraform_data" "control_plane" {
  count = var.control_plane_vm_count
  input = {
    name = "${var.cluster_name}-cp-${count.index}"
    type = "e2-standard-2"
  }
}

resource "terraform_data" "api_lb" {
  input = {
    name    = "${var.cluster_name}-api-lb"
    targets = terraform_data.control_plane[*].output.name
  }
}
