variable "repository" {
  type = string
}

resource "helm_release" "db" {
  name       = "orders-db"
  repository = "https://charts.bitnami.com/bitnami"
  chart      = "postgresql"
  values = [<<-EOT
    architecture: replication
    readReplicas:
      replicaCount: 2
  EOT
  ]
}

resource "helm_release" "cache" {
  name       = "cache"
  repository = "https://charts.bitnami.com/bitnami"
  chart      = "redis"
}

resource "helm_release" "ingress" {
  name       = "ingress"
  repository = "https://kubernetes.github.io/ingress-nginx"
  chart      = "ingress-nginx"
  values = [jsonencode({
    controller = { replicaCount = 3 }
  })]
}

resource "helm_release" "ingress_daemonset" {
  name       = "edge"
  repository = "https://kubernetes.github.io/ingress-nginx"
  chart      = "ingress-nginx"

  set {
    name  = "controller.kind"
    value = "DaemonSet"
  }
}

# A chart from a repository spofscan does not know is not judged.
resource "helm_release" "internal" {
  name       = "internal-db"
  repository = var.repository
  chart      = "postgresql"
}

resource "helm_release" "local_chart" {
  name  = "app"
  chart = "./charts/app"
}
