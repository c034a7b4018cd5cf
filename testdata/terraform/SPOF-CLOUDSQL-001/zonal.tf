resource "google_sql_database_instance" "main" { # expect: SPOF-CLOUDSQL-001
  name             = "main"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "explicit" {
  name             = "explicit"
  database_version = "MYSQL_8_0"
  settings {
    tier              = "db-n1-standard-1"
    availability_type = "ZONAL" # expect: SPOF-CLOUDSQL-001
  }
}

variable "availability" {
  type = string
}

resource "google_sql_database_instance" "input" {
  name             = "input"
  database_version = "POSTGRES_15"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = var.availability # expect-unknown: SPOF-CLOUDSQL-001
  }
}
