package io.spofscan.rules.catalog;

import io.spofscan.core.model.Kind;

/** Cross-format kinds the built-in rules look at. Kubernetes kinds match whatever their API version. */
public final class Kinds {
  private Kinds() {}

  // AWS databases and caches
  public static final Kind RDS_INSTANCE = Kind.of("RDS DB instance", "aws_db_instance", "AWS::RDS::DBInstance");
  public static final Kind CLOUD_SQL_INSTANCE = Kind.of("Cloud SQL instance", "google_sql_database_instance");
  public static final Kind AZURE_FLEXIBLE_SERVER = Kind.of("Azure Database flexible server",
      "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server");
  public static final Kind ELASTICACHE_CLUSTER = Kind.of("ElastiCache cluster", "aws_elasticache_cluster",
      "AWS::ElastiCache::CacheCluster");
  public static final Kind ELASTICACHE_REPLICATION_GROUP = Kind.of("ElastiCache replication group",
      "aws_elasticache_replication_group", "AWS::ElastiCache::ReplicationGroup");

  // certificates
  public static final Kind ACM_CERTIFICATE = Kind.of("ACM certificate", "aws_acm_certificate");
  public static final Kind IAM_SERVER_CERTIFICATE = Kind.of("IAM server certificate", "aws_iam_server_certificate",
      "AWS::IAM::ServerCertificate");

  // DNS
  public static final Kind ROUTE53_ZONE = Kind.of("Route 53 hosted zone", "aws_route53_zone",
      "AWS::Route53::HostedZone");
  public static final Kind GOOGLE_DNS_ZONE = Kind.of("Cloud DNS managed zone", "google_dns_managed_zone");
  public static final Kind AZURE_DNS_ZONE = Kind.of("Azure DNS zone", "azurerm_dns_zone");
  public static final Kind CLOUDFLARE_ZONE = Kind.of("Cloudflare zone", "cloudflare_zone");
  public static final Kind NS1_ZONE = Kind.of("NS1 zone", "ns1_zone");
  public static final Kind DIGITALOCEAN_DOMAIN = Kind.of("DigitalOcean domain", "digitalocean_domain");
  public static final Kind ROUTE53_REGISTERED_DOMAIN = Kind.of("Route 53 registered domain",
      "aws_route53domains_registered_domain");

  // networking
  public static final Kind NAT_GATEWAY = Kind.of("NAT gateway", "aws_nat_gateway", "AWS::EC2::NatGateway");
  public static final Kind SUBNET = Kind.of("subnet", "aws_subnet", "AWS::EC2::Subnet");
  public static final Kind ROUTE_TABLE = Kind.of("route table", "aws_route_table", "AWS::EC2::RouteTable");
  public static final Kind ROUTE = Kind.of("route", "aws_route", "AWS::EC2::Route");

  // Terraform module calls
  public static final Kind MODULE_CALL = Kind.of("module call", "module");

  // Kubernetes
  public static final Kind DEPLOYMENT = Kind.of("Deployment", "Deployment");
  public static final Kind STATEFUL_SET = Kind.of("StatefulSet", "StatefulSet");
  public static final Kind REPLICA_SET = Kind.of("ReplicaSet", "ReplicaSet");
  public static final Kind DAEMON_SET = Kind.of("DaemonSet", "DaemonSet");
  public static final Kind POD = Kind.of("Pod", "Pod");
  /** Workloads whose replica count is set by {@code spec.replicas}. */
  public static final Kind REPLICATED_WORKLOAD = Kind.of("replicated workload", "Deployment", "StatefulSet",
      "ReplicaSet");
  /** Everything that runs pods from a template (or is a pod). */
  public static final Kind POD_OWNER = Kind.of("pod controller", "Deployment", "StatefulSet", "ReplicaSet",
      "DaemonSet", "Pod");
  public static final Kind HPA = Kind.of("HorizontalPodAutoscaler", "HorizontalPodAutoscaler");
  public static final Kind PDB = Kind.of("PodDisruptionBudget", "PodDisruptionBudget");
  public static final Kind SERVICE = Kind.of("Service", "Service");
  public static final Kind INGRESS = Kind.of("Ingress", "Ingress");
  public static final Kind SECRET = Kind.of("Secret", "Secret");
  public static final Kind CERT_MANAGER_CERTIFICATE = Kind.of("cert-manager Certificate", "Certificate");
  public static final Kind PVC = Kind.of("PersistentVolumeClaim", "PersistentVolumeClaim");
  public static final Kind PV = Kind.of("PersistentVolume", "PersistentVolume");
  public static final Kind STORAGE_CLASS = Kind.of("StorageClass", "StorageClass");
}
