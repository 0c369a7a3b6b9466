variable "domain" {
  description = "DNS zone hosting the KKP dashboard"
  type        = string
  default     = "kkp.example.com"
}

variable "ingress_hostname" {
  description = "Load balancer address of the KKP ingress"
  type        = string
  default     = "pending"
}
