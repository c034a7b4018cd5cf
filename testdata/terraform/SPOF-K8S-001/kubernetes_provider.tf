# Kubernetes objects written with Terraform's kubernetes provider are judged like manifests.
resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    labels = {
      app = "web"
    }
  }
  spec {
    replicas = 1 # expect: SPOF-K8S-001 "runs a single replica"
    selector {
      match_labels = {
        app = "web"
      }
    }
    template {
      metadata {
        labels = {
          app = "web"
        }
      }
      spec {
        container {
          name  = "web"
          image = "nginx:1.27.0"
        }
        container {
          name  = "sidecar"
          image = "busybox:1.36"
        }
      }
    }
  }
}

resource "kubernetes_deployment_v1" "api" {
  metadata {
    name      = "api"
    namespace = "shop"
  }
  spec {
    replicas = 3
    selector {
      match_labels = { app = "api" }
    }
    template {
      metadata {
        labels = { app = "api" }
      }
      spec {
        container {
          name  = "api"
          image = "ghcr.io/acme/api:1.4.2"
        }
      }
    }
  }
}

resource "kubernetes_pod_disruption_budget_v1" "api" {
  metadata {
    name      = "api"
    namespace = "shop"
  }
  spec {
    max_unavailable = "1"
    selector {
      match_labels = { app = "api" }
    }
  }
}
