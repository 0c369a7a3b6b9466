variable "domain" {
  description = "DNS zone hosting the KKP dashboard"
  type        = string
  default     = "kkp.example.com"
}

variable "ingress_hostname" {
  description = "Load balancer hostname of the KKP ingress (dns-update sets it from the Service)"
  type        = string
  default     = "pending"
}

variable "ingress_ip" {
  description = "Load balancer IP of the KKP ingress, where the load balancer has one instead of a hostname (dns-update sets it)"
  type        = string
  default     = ""
}
