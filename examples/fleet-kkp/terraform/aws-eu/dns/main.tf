# Stand-in for the Route53 records: the dashboard and its wildcard point at the ingress.
resource "terraform_data" "records" {
  for_each = toset([var.domain, "*.${var.domain}"])
  input = {
    name   = each.value
    type   = "CNAME"
    target = var.ingress_hostname
  }
}
