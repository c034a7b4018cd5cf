# Legacy high availability (first generation style): a zonal primary with a failover replica in another zone.
# The replica takes over when the primary's zone fails, so the primary is not a zonal single point of failure.
resource "google_sql_database_instance" "primary" {
  name             = "orders-primary"
  database_version = "MYSQL_5_7"
  region           = "europe-west1"

  settings {
    tier = "db-n1-standard-2"
    location_preference {
      zone = "europe-west1-b"
    }
  }
}

resource "google_sql_database_instance" "failover" {
  name                 = "orders-failover"
  database_version     = "MYSQL_5_7"
  region               = "europe-west1"
  master_instance_name = google_sql_database_instance.primary.name

  replica_configuration {
    failover_target = true
  }

  settings {
    tier = "db-n1-standard-2"
    location_preference {
      zone = "europe-west1-c"
    }
  }
}

# A plain read replica is no failover target: its primary stays zonal.
resource "google_sql_database_instance" "reporting" { # expect: SPOF-CLOUDSQL-001 "is a zonal Cloud SQL instance"
  name             = "reporting"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "reporting_replica" {
  name                 = "reporting-replica"
  database_version     = "POSTGRES_15"
  region               = "europe-west1"
  master_instance_name = "reporting"

  settings {
    tier = "db-custom-2-7680"
  }
}
