resource "aws_db_instance" "app" {
  engine         = "postgres"
  instance_class = "db.t4g.small"
}

resource "kubernetes_config_map" "app" {
  metadata {
    name = "app"
  }
  data = {
    DATABASE_HOST = aws_db_instance.app.address
  }
}
