variable "cluster_name" {
  description = "Name of the KKP master cluster"
  type        = string
  default     = "kkp-gcp"
}

variable "control_plane_vm_count" {
  description = "Number of control plane VMs"
  type        = number
  default     = 3
}
