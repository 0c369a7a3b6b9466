# The network every AWS installation uses (a stand-in: the real module declares the VPC, its
# subnets and security groups). A change here plans both AWS installations.
variable "cluster_name" {
  type = string
}

variable "cidr" {
  type = string
}

resource "terraform_data" "vpc" {
  input = {
    name = "${var.cluster_name}-vpc"
    cidr = var.cidr
  }
}

output "vpc_name" {
  value = terraform_data.vpc.output.name
}
