# kubernetes_manifest holds a manifest as an HCL object.
resource "kubernetes_manifest" "db" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "StatefulSet"
    metadata = {
      name      = "orders-db"
      namespace = "shop"
    }
    spec = {
      replicas = 1 # expect: SPOF-K8S-009 "runs PostgreSQL as a single replica"
      selector = { matchLabels = { app = "orders-db" } }
      serviceName = "orders-db"
      template = {
        metadata = { labels = { app = "orders-db" } }
        spec = {
          containers = [{ name = "postgres", image = "postgres:16" }]
        }
      }
    }
  }
}
