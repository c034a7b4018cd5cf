# Values read with file() from inside the scan root are judged like values written inline.
resource "helm_release" "cache" {
  name       = "cache"
  repository = "https://charts.bitnami.com/bitnami"
  chart      = "redis"
  values     = [file("${path.module}/redis-values.yaml")] # expect: SPOF-HELM-001
}

resource "helm_release" "db" {
  name       = "orders-db"
  repository = "https://charts.bitnami.com/bitnami"
  chart      = "postgresql"
  values     = [file("postgresql-values.yaml")]
}
