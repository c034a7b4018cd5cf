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

  // Google Cloud
  public static final Kind GKE_CLUSTER = Kind.of("GKE cluster", "google_container_cluster");
  public static final Kind GKE_NODE_POOL = Kind.of("GKE node pool", "google_container_node_pool");
  public static final Kind MEMORYSTORE_REDIS = Kind.of("Memorystore for Redis instance", "google_redis_instance");
  public static final Kind MEMORYSTORE_CLUSTER = Kind.of("Memorystore cluster", "google_redis_cluster",
      "google_memorystore_instance");
  public static final Kind ZONAL_MIG = Kind.of("zonal managed instance group",
      "google_compute_instance_group_manager");
  public static final Kind ALLOYDB_INSTANCE = Kind.of("AlloyDB instance", "google_alloydb_instance");
  public static final Kind FILESTORE_INSTANCE = Kind.of("Filestore instance", "google_filestore_instance");
  public static final Kind BACKEND_SERVICE = Kind.of("backend service", "google_compute_backend_service",
      "google_compute_region_backend_service");
  /** Backends that live in one zone: zonal managed and unmanaged instance groups, zonal network endpoint groups. */
  public static final Kind ZONAL_BACKEND = Kind.of("zonal backend", "google_compute_instance_group_manager",
      "google_compute_instance_group", "google_compute_network_endpoint_group");

  // Azure
  public static final Kind AKS_CLUSTER = Kind.of("AKS cluster", "azurerm_kubernetes_cluster");
  public static final Kind AKS_NODE_POOL = Kind.of("AKS node pool", "azurerm_kubernetes_cluster_node_pool");
  public static final Kind AZURE_REDIS = Kind.of("Azure Cache for Redis", "azurerm_redis_cache");
  public static final Kind APP_SERVICE_PLAN = Kind.of("App Service plan", "azurerm_service_plan",
      "azurerm_app_service_plan");
  public static final Kind AUTOSCALE_SETTING = Kind.of("Azure Monitor autoscale setting",
      "azurerm_monitor_autoscale_setting");
  public static final Kind AZURE_SQL_DATABASE = Kind.of("Azure SQL database", "azurerm_mssql_database",
      "azurerm_sql_database");
  public static final Kind AZURE_SQL_ELASTIC_POOL = Kind.of("Azure SQL elastic pool", "azurerm_mssql_elasticpool");
  public static final Kind AZURE_SEARCH = Kind.of("Azure AI Search service", "azurerm_search_service");
  public static final Kind AZURE_VM = Kind.of("Azure virtual machine", "azurerm_linux_virtual_machine",
      "azurerm_windows_virtual_machine", "azurerm_virtual_machine");
  public static final Kind AZURE_VNET_DNS = Kind.of("virtual network DNS servers", "azurerm_virtual_network",
      "azurerm_virtual_network_dns_servers");
  public static final Kind APPLICATION_GATEWAY = Kind.of("Application Gateway", "azurerm_application_gateway");
  public static final Kind STORAGE_ACCOUNT = Kind.of("storage account", "azurerm_storage_account");

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
  public static final Kind KEDA_SCALED_OBJECT = Kind.of("KEDA ScaledObject", "ScaledObject");
  /** What sets a workload's replica count through {@code spec.scaleTargetRef}. */
  public static final Kind AUTOSCALER = Kind.of("autoscaler", "HorizontalPodAutoscaler", "ScaledObject");
  public static final Kind PDB = Kind.of("PodDisruptionBudget", "PodDisruptionBudget");
  public static final Kind SERVICE = Kind.of("Service", "Service");
  public static final Kind INGRESS = Kind.of("Ingress", "Ingress");
  public static final Kind SECRET = Kind.of("Secret", "Secret");
  public static final Kind CERT_MANAGER_CERTIFICATE = Kind.of("cert-manager Certificate", "Certificate");
  public static final Kind PVC = Kind.of("PersistentVolumeClaim", "PersistentVolumeClaim");
  public static final Kind PV = Kind.of("PersistentVolume", "PersistentVolume");
  public static final Kind STORAGE_CLASS = Kind.of("StorageClass", "StorageClass");

  // AWS load balancing, CDN and DNS failover
  public static final Kind LOAD_BALANCER_V2 = Kind.of("Elastic Load Balancing v2 load balancer", "aws_lb", "aws_alb",
      "AWS::ElasticLoadBalancingV2::LoadBalancer");
  public static final Kind CLASSIC_LOAD_BALANCER = Kind.of("Classic Load Balancer", "aws_elb",
      "AWS::ElasticLoadBalancing::LoadBalancer");
  public static final Kind CLOUDFRONT_DISTRIBUTION = Kind.of("CloudFront distribution",
      "aws_cloudfront_distribution", "AWS::CloudFront::Distribution");
  public static final Kind TARGET_GROUP = Kind.of("target group", "aws_lb_target_group", "aws_alb_target_group",
      "AWS::ElasticLoadBalancingV2::TargetGroup");
  public static final Kind TARGET_GROUP_ATTACHMENT = Kind.of("target group attachment",
      "aws_lb_target_group_attachment", "aws_alb_target_group_attachment");
  public static final Kind EC2_INSTANCE = Kind.of("EC2 instance", "aws_instance", "AWS::EC2::Instance");
  /** What registers a changing set of instances or tasks in a target group: its redundancy comes from them. */
  public static final Kind TARGET_GROUP_FEEDER = Kind.of("target group feeder", "aws_autoscaling_group",
      "aws_autoscaling_attachment", "aws_autoscaling_traffic_source_attachment", "aws_ecs_service",
      "AWS::AutoScaling::AutoScalingGroup", "AWS::ECS::Service");
  public static final Kind ROUTE53_RECORD = Kind.of("Route 53 record", "aws_route53_record",
      "AWS::Route53::RecordSet");

  // AWS storage, compute and analytics
  public static final Kind EFS_FILE_SYSTEM = Kind.of("EFS file system", "aws_efs_file_system",
      "AWS::EFS::FileSystem");
  public static final Kind EFS_MOUNT_TARGET = Kind.of("EFS mount target", "aws_efs_mount_target",
      "AWS::EFS::MountTarget");
  public static final Kind ECS_SERVICE = Kind.of("ECS service", "aws_ecs_service", "AWS::ECS::Service");
  public static final Kind APP_AUTOSCALING_TARGET = Kind.of("Application Auto Scaling target",
      "aws_appautoscaling_target", "AWS::ApplicationAutoScaling::ScalableTarget");
  public static final Kind LAMBDA_FUNCTION = Kind.of("Lambda function", "aws_lambda_function",
      "AWS::Lambda::Function", "AWS::Serverless::Function");
  public static final Kind OPENSEARCH_DOMAIN = Kind.of("OpenSearch domain", "aws_opensearch_domain",
      "AWS::OpenSearchService::Domain");
  public static final Kind ELASTICSEARCH_DOMAIN = Kind.of("Elasticsearch domain", "aws_elasticsearch_domain",
      "AWS::Elasticsearch::Domain");
  public static final Kind REDSHIFT_CLUSTER = Kind.of("Redshift cluster", "aws_redshift_cluster",
      "AWS::Redshift::Cluster");
  public static final Kind MEMORYDB_CLUSTER = Kind.of("MemoryDB cluster", "aws_memorydb_cluster",
      "AWS::MemoryDB::Cluster");
  public static final Kind DOCDB_CLUSTER = Kind.of("DocumentDB cluster", "aws_docdb_cluster",
      "AWS::DocDB::DBCluster");
  public static final Kind DOCDB_INSTANCE = Kind.of("DocumentDB instance", "aws_docdb_cluster_instance",
      "AWS::DocDB::DBInstance");
  public static final Kind NEPTUNE_CLUSTER = Kind.of("Neptune cluster", "aws_neptune_cluster",
      "AWS::Neptune::DBCluster");
  public static final Kind NEPTUNE_INSTANCE = Kind.of("Neptune instance", "aws_neptune_cluster_instance",
      "AWS::Neptune::DBInstance");
  public static final Kind RDS_CLUSTER = Kind.of("RDS DB cluster", "aws_rds_cluster", "AWS::RDS::DBCluster");
  public static final Kind RDS_CLUSTER_INSTANCE = Kind.of("RDS cluster instance", "aws_rds_cluster_instance",
      "AWS::RDS::DBInstance");

  // AWS hybrid and network appliances
  public static final Kind VPN_CONNECTION = Kind.of("Site-to-Site VPN connection", "aws_vpn_connection",
      "AWS::EC2::VPNConnection");
  public static final Kind DX_CONNECTION = Kind.of("Direct Connect connection", "aws_dx_connection");
  public static final Kind NETWORK_FIREWALL = Kind.of("Network Firewall", "aws_networkfirewall_firewall",
      "AWS::NetworkFirewall::Firewall");
  public static final Kind TGW_VPC_ATTACHMENT = Kind.of("transit gateway VPC attachment",
      "aws_ec2_transit_gateway_vpc_attachment", "AWS::EC2::TransitGatewayVpcAttachment",
      "AWS::EC2::TransitGatewayAttachment");
}
