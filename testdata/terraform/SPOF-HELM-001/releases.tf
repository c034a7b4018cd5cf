resource "helm_release" "cache" {
  name       = "cache"
  repository = "https://charts.bitnami.com/bitnami"
  chart      = "redis"
  values     = [yamlencode({ architecture = "standalone", auth = { enabled = false } })] # expect: SPOF-HELM-001 "architecture is standalone"
}

# No values: the chart's default architecture is standalone.
resource "helm_release" "db" { # expect: SPOF-HELM-001
  name       = "orders-db"
  repository = "oci://registry-1.docker.io/bitnamicharts"
  chart      = "postgresql"
}

resource "helm_release" "vault" {
  name       = "vault"
  repository = "https://helm.releases.hashicorp.com"
  chart      = "vault"
  values = [<<-EOT
    server:
      ha:
        enabled: true
  EOT
  ]

  # set wins over values
  set {
    name  = "server.ha.enabled"
    value = "false" # expect: SPOF-HELM-001
  }
}

resource "helm_release" "ingress" {
  name  = "ingress"
  chart = "ingress-nginx/ingress-nginx"
  set = [{
    name  = "controller.replicaCount"
    value = "1" # expect: SPOF-HELM-001
  }]
}

# The values come from a file the scan does not read: the architecture may be standalone.
resource "helm_release" "sessions" {
  name       = "sessions"
  repository = "https://charts.bitnami.com/bitnami"
  chart      = "redis"
  values     = [file("${path.module}/sessions.yaml")] # expect-unknown: SPOF-HELM-001
}
