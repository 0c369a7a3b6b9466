output "kubeone_api" {
  description = "kube-apiserver LB endpoint"
  value = {
    endpoint = "${var.cluster_name}-api-lb.example.internal"
  }
}

output "kubeone_hosts" {
  description = "Control plane endpoints to SSH to"
  value = {
    control_plane = {
      cluster_name   = var.cluster_name
      public_address = [for cp in terraform_data.control_plane : "${cp.output.name}.example.internal"]
      ssh_user       = "ubuntu"
    }
  }
}
