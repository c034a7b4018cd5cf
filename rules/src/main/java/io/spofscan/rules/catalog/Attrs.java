package io.spofscan.rules.catalog;

import io.spofscan.core.model.Attr;

/**
 * Cross-format attribute names. CloudFormation bodies are the whole resource mapping (hence {@code Properties.}),
 * Kubernetes bodies the whole document, Terraform nested blocks lists of maps (looked through when written once).
 */
public final class Attrs {
  private Attrs() {}

  // RDS
  public static final Attr MULTI_AZ = Attr.named("multi_az").terraform("multi_az")
      .cloudformation("Properties.MultiAZ");
  public static final Attr REPLICA_SOURCE = Attr.named("replica_source").terraform("replicate_source_db")
      .cloudformation("Properties.SourceDBInstanceIdentifier");
  public static final Attr CLUSTER_IDENTIFIER = Attr.named("cluster_identifier").terraform("cluster_identifier")
      .cloudformation("Properties.DBClusterIdentifier");
  public static final Attr ENGINE = Attr.named("engine").terraform("engine").cloudformation("Properties.Engine");

  // Cloud SQL / Azure
  public static final Attr AVAILABILITY_TYPE = Attr.named("availability_type")
      .terraform("settings.availability_type");
  public static final Attr CLOUD_SQL_MASTER = Attr.named("master_instance_name").terraform("master_instance_name");
  public static final Attr HIGH_AVAILABILITY = Attr.named("high_availability").terraform("high_availability");
  public static final Attr HIGH_AVAILABILITY_MODE = Attr.named("high_availability_mode")
      .terraform("high_availability.mode");
  public static final Attr AZURE_CREATE_MODE = Attr.named("create_mode").terraform("create_mode");

  // Google Cloud
  public static final Attr GCP_LOCATION = Attr.named("location").terraform("location");
  /** The pre-4.0 google provider spelling of a zonal cluster's location. */
  public static final Attr GCP_ZONE = Attr.named("zone").terraform("zone");
  public static final Attr GKE_NODE_LOCATIONS = Attr.named("node_locations").terraform("node_locations");
  public static final Attr GKE_AUTOPILOT = Attr.named("enable_autopilot").terraform("enable_autopilot");
  public static final Attr GKE_REMOVE_DEFAULT_POOL = Attr.named("remove_default_node_pool")
      .terraform("remove_default_node_pool");
  public static final Attr GKE_INLINE_POOLS = Attr.named("node_pool").terraform("node_pool");
  public static final Attr GKE_POOL_CLUSTER = Attr.named("cluster").terraform("cluster");
  public static final Attr GKE_NODE_COUNT = Attr.named("node_count").terraform("node_count");
  public static final Attr GKE_INITIAL_NODE_COUNT = Attr.named("initial_node_count").terraform("initial_node_count");
  public static final Attr GKE_AUTOSCALING = Attr.named("autoscaling").terraform("autoscaling");
  public static final Attr GKE_MIN_NODES = Attr.named("autoscaling.min_node_count")
      .terraform("autoscaling.min_node_count");
  public static final Attr GKE_TOTAL_MIN_NODES = Attr.named("autoscaling.total_min_node_count")
      .terraform("autoscaling.total_min_node_count");
  public static final Attr MEMORYSTORE_TIER = Attr.named("tier").terraform("tier");
  public static final Attr MEMORYSTORE_REPLICAS = Attr.named("replica_count").terraform("replica_count");
  public static final Attr MIG_ZONE = Attr.named("zone").terraform("zone");
  public static final Attr MIG_TARGET_SIZE = Attr.named("target_size").terraform("target_size");
  /** AlloyDB's availability_type, written on the instance itself (Cloud SQL's sits under settings). */
  public static final Attr AVAILABILITY_TYPE_TOP = Attr.named("availability_type").terraform("availability_type");
  public static final Attr ALLOYDB_INSTANCE_TYPE = Attr.named("instance_type").terraform("instance_type");
  public static final Attr FILESTORE_TIER = Attr.named("tier").terraform("tier");
  public static final Attr BACKENDS = Attr.named("backend").terraform("backend");
  /** The group of one backend block of a backend service. */
  public static final Attr BACKEND_GROUP = Attr.named("group").terraform("group");

  // Azure
  public static final Attr AKS_DEFAULT_POOL = Attr.named("default_node_pool").terraform("default_node_pool");
  /** Availability zones of a node pool: {@code zones} from azurerm 3.0, {@code availability_zones} before. */
  public static final Attr AZURE_ZONES = Attr.named("zones").terraform("zones");
  public static final Attr AZURE_ZONES_V2 = Attr.named("availability_zones").terraform("availability_zones");
  public static final Attr AKS_NODE_COUNT = Attr.named("node_count").terraform("node_count");
  public static final Attr AKS_MIN_COUNT = Attr.named("min_count").terraform("min_count");
  /** {@code auto_scaling_enabled} from azurerm 4.0, {@code enable_auto_scaling} before. */
  public static final Attr AKS_AUTO_SCALING = Attr.named("auto_scaling_enabled").terraform("auto_scaling_enabled");
  public static final Attr AKS_AUTO_SCALING_V3 = Attr.named("enable_auto_scaling").terraform("enable_auto_scaling");
  public static final Attr AZURE_SKU_NAME = Attr.named("sku_name").terraform("sku_name");
  public static final Attr APP_SERVICE_WORKERS = Attr.named("worker_count").terraform("worker_count");
  public static final Attr APP_SERVICE_ZONE_BALANCING = Attr.named("zone_balancing_enabled")
      .terraform("zone_balancing_enabled");
  public static final Attr APP_SERVICE_ENVIRONMENT = Attr.named("app_service_environment_id")
      .terraform("app_service_environment_id");
  /** azurerm_app_service_plan (azurerm 2.x): {@code sku { tier, size, capacity }} and {@code zone_redundant}. */
  public static final Attr LEGACY_PLAN_CAPACITY = Attr.named("sku.capacity").terraform("sku.capacity");
  public static final Attr LEGACY_PLAN_TIER = Attr.named("sku.tier").terraform("sku.tier");
  public static final Attr LEGACY_PLAN_SIZE = Attr.named("sku.size").terraform("sku.size");
  public static final Attr LEGACY_PLAN_KIND = Attr.named("kind").terraform("kind");
  public static final Attr AZURE_ZONE_REDUNDANT = Attr.named("zone_redundant").terraform("zone_redundant");
  public static final Attr AUTOSCALE_TARGET = Attr.named("target_resource_id").terraform("target_resource_id");
  public static final Attr AUTOSCALE_MINIMUM = Attr.named("profile.capacity.minimum")
      .terraform("profile.capacity.minimum");
  public static final Attr SQL_ELASTIC_POOL_ID = Attr.named("elastic_pool_id").terraform("elastic_pool_id");
  public static final Attr SQL_ELASTIC_POOL_NAME = Attr.named("elastic_pool_name").terraform("elastic_pool_name");
  public static final Attr SQL_EDITION = Attr.named("edition").terraform("edition");
  public static final Attr SQL_POOL_TIER = Attr.named("sku.tier").terraform("sku.tier");
  public static final Attr SEARCH_SKU = Attr.named("sku").terraform("sku");
  public static final Attr SEARCH_REPLICAS = Attr.named("replica_count").terraform("replica_count");
  /** A VM's zone: {@code zone} on the azurerm 2.x+ VM resources, a {@code zones} list on azurerm_virtual_machine. */
  public static final Attr VM_ZONE = Attr.named("zone").terraform("zone");
  public static final Attr VM_ZONES = Attr.named("zones").terraform("zones");
  public static final Attr VM_AVAILABILITY_SET = Attr.named("availability_set_id").terraform("availability_set_id");
  public static final Attr VM_SCALE_SET = Attr.named("virtual_machine_scale_set_id")
      .terraform("virtual_machine_scale_set_id");
  public static final Attr VNET_DNS_SERVERS = Attr.named("dns_servers").terraform("dns_servers");
  public static final Attr STORAGE_REPLICATION = Attr.named("account_replication_type")
      .terraform("account_replication_type");
  public static final Attr APPGW_SKU_NAME = Attr.named("sku.name").terraform("sku.name");
  public static final Attr APPGW_CAPACITY = Attr.named("sku.capacity").terraform("sku.capacity");
  public static final Attr APPGW_AUTOSCALE_MIN = Attr.named("autoscale_configuration.min_capacity")
      .terraform("autoscale_configuration.min_capacity");

  // ElastiCache
  public static final Attr CACHE_ENGINE = Attr.named("engine").terraform("engine")
      .cloudformation("Properties.Engine");
  public static final Attr CACHE_NODES = Attr.named("num_cache_nodes").terraform("num_cache_nodes")
      .cloudformation("Properties.NumCacheNodes");
  public static final Attr MEMBER_OF_REPLICATION_GROUP = Attr.named("replication_group_id")
      .terraform("replication_group_id");
  public static final Attr AUTOMATIC_FAILOVER = Attr.named("automatic_failover_enabled")
      .terraform("automatic_failover_enabled").cloudformation("Properties.AutomaticFailoverEnabled");
  public static final Attr MULTI_AZ_ENABLED = Attr.named("multi_az_enabled").terraform("multi_az_enabled")
      .cloudformation("Properties.MultiAZEnabled");
  /** Where a replication group's nodes go, primary first. */
  public static final Attr PREFERRED_CACHE_CLUSTER_AZS = Attr.named("preferred_cache_cluster_azs")
      .terraform("preferred_cache_cluster_azs").cloudformation("Properties.PreferredCacheClusterAZs");
  public static final Attr NUM_CACHE_CLUSTERS = Attr.named("num_cache_clusters").terraform("num_cache_clusters")
      .cloudformation("Properties.NumCacheClusters");
  /** The pre-4.0 AWS provider spelling of num_cache_clusters. */
  public static final Attr NUMBER_CACHE_CLUSTERS = Attr.named("number_cache_clusters")
      .terraform("number_cache_clusters");
  public static final Attr REPLICAS_PER_NODE_GROUP = Attr.named("replicas_per_node_group")
      .terraform("replicas_per_node_group").cloudformation("Properties.ReplicasPerNodeGroup");
  /** The pre-4.0 AWS provider {@code cluster_mode} block. */
  public static final Attr CLUSTER_MODE_REPLICAS = Attr.named("cluster_mode.replicas_per_node_group")
      .terraform("cluster_mode.replicas_per_node_group");
  public static final Attr NODE_GROUP_CONFIGURATION = Attr.named("node_group_configuration")
      .cloudformation("Properties.NodeGroupConfiguration");

  // certificates
  public static final Attr PRIVATE_KEY = Attr.named("private_key").terraform("private_key");
  public static final Attr CERTIFICATE_BODY = Attr.named("certificate_body").terraform("certificate_body");

  // DNS
  public static final Attr ZONE_NAME = Attr.named("zone_name").terraform("name").cloudformation("Properties.Name");
  public static final Attr ROUTE53_VPC = Attr.named("vpc").terraform("vpc").cloudformation("Properties.VPCs");
  public static final Attr GOOGLE_DNS_NAME = Attr.named("dns_name").terraform("dns_name");
  public static final Attr GOOGLE_VISIBILITY = Attr.named("visibility").terraform("visibility");
  /** cloudflare_zone: {@code zone} up to provider v4, {@code name} from v5. */
  public static final Attr CLOUDFLARE_ZONE_NAME = Attr.named("zone").terraform("zone");
  public static final Attr NS1_ZONE_NAME = Attr.named("zone").terraform("zone");
  public static final Attr DOMAIN_NAME = Attr.named("domain_name").terraform("domain_name");
  public static final Attr NAME_SERVERS = Attr.named("name_server").terraform("name_server");

  // Terraform module calls
  public static final Attr MODULE_SOURCE = Attr.named("source").terraform("source");
  public static final Attr MODULE_VERSION = Attr.named("version").terraform("version");

  // NAT
  public static final Attr NAT_SUBNET = Attr.named("subnet_id").terraform("subnet_id")
      .cloudformation("Properties.SubnetId");
  public static final Attr NAT_CONNECTIVITY = Attr.named("connectivity_type").terraform("connectivity_type")
      .cloudformation("Properties.ConnectivityType");
  public static final Attr SUBNET_AZ = Attr.named("availability_zone").terraform("availability_zone")
      .cloudformation("Properties.AvailabilityZone");

  // Kubernetes
  public static final Attr REPLICAS = Attr.named("replicas").kubernetes("spec.replicas");
  public static final Attr POD_TEMPLATE_SPEC = Attr.named("pod_spec").kubernetes("spec.template.spec");
  public static final Attr POD_TEMPLATE_LABELS = Attr.named("pod_labels").kubernetes("spec.template.metadata.labels");
  public static final Attr MIN_REPLICAS = Attr.named("min_replicas").kubernetes("spec.minReplicas");
  public static final Attr SCALE_TARGET = Attr.named("scale_target").kubernetes("spec.scaleTargetRef");
  public static final Attr ANNOTATIONS = Attr.named("annotations").kubernetes("metadata.annotations");
  public static final Attr LABELS = Attr.named("labels").kubernetes("metadata.labels");

  // Elastic Load Balancing
  public static final Attr LB_TYPE = Attr.named("load_balancer_type").terraform("load_balancer_type")
      .cloudformation("Properties.Type");
  public static final Attr LB_SUBNETS = Attr.named("subnets").terraform("subnets")
      .cloudformation("Properties.Subnets");
  public static final Attr LB_SUBNET_MAPPINGS = Attr.named("subnet_mapping").terraform("subnet_mapping")
      .cloudformation("Properties.SubnetMappings");
  public static final Attr CLB_ZONES = Attr.named("availability_zones").terraform("availability_zones")
      .cloudformation("Properties.AvailabilityZones");
  public static final Attr LB_CROSS_ZONE = Attr.named("enable_cross_zone_load_balancing")
      .terraform("enable_cross_zone_load_balancing").cloudformation("Properties.LoadBalancerAttributes");
  /** The key of the cross-zone switch in an ELBv2 {@code LoadBalancerAttributes} list. */
  public static final String LB_CROSS_ZONE_KEY = "load_balancing.cross_zone.enabled";
  public static final Attr CLB_CROSS_ZONE = Attr.named("cross_zone_load_balancing")
      .terraform("cross_zone_load_balancing").cloudformation("Properties.CrossZone");
  public static final Attr TARGET_GROUP_ARN = Attr.named("target_group_arn").terraform("target_group_arn");
  public static final Attr TARGET_ID = Attr.named("target_id").terraform("target_id");
  public static final Attr TARGET_GROUP_TARGETS = Attr.named("targets").cloudformation("Properties.Targets");
  public static final Attr TARGET_GROUP_TYPE = Attr.named("target_type").terraform("target_type")
      .cloudformation("Properties.TargetType");

  // CloudFront
  public static final Attr CLOUDFRONT_ORIGIN_GROUPS = Attr.named("origin_group").terraform("origin_group")
      .cloudformation("Properties.DistributionConfig.OriginGroups.Items");
  public static final Attr CLOUDFRONT_ORIGINS = Attr.named("origin").terraform("origin")
      .cloudformation("Properties.DistributionConfig.Origins");
  public static final Attr CLOUDFRONT_DEFAULT_TARGET = Attr.named("default_cache_behavior.target_origin_id")
      .terraform("default_cache_behavior.target_origin_id")
      .cloudformation("Properties.DistributionConfig.DefaultCacheBehavior.TargetOriginId");
  /** The id of one origin group (an entry of {@link #CLOUDFRONT_ORIGIN_GROUPS}). */
  public static final Attr CLOUDFRONT_GROUP_ID = Attr.named("origin_id").terraform("origin_id")
      .cloudformation("Id");

  // EFS
  public static final Attr EFS_ONE_ZONE = Attr.named("availability_zone_name").terraform("availability_zone_name")
      .cloudformation("Properties.AvailabilityZoneName");
  public static final Attr EFS_FILE_SYSTEM_ID = Attr.named("file_system_id").terraform("file_system_id")
      .cloudformation("Properties.FileSystemId");

  // Auto Scaling groups
  public static final Attr ASG_SUBNETS = Attr.named("vpc_zone_identifier").terraform("vpc_zone_identifier")
      .cloudformation("Properties.VPCZoneIdentifier");
  public static final Attr ASG_ZONES = Attr.named("availability_zones").terraform("availability_zones")
      .cloudformation("Properties.AvailabilityZones");
  public static final Attr ASG_MIN_SIZE = Attr.named("min_size").terraform("min_size")
      .cloudformation("Properties.MinSize");
  public static final Attr ASG_MAX_SIZE = Attr.named("max_size").terraform("max_size")
      .cloudformation("Properties.MaxSize");
  public static final Attr ASG_DESIRED_CAPACITY = Attr.named("desired_capacity").terraform("desired_capacity")
      .cloudformation("Properties.DesiredCapacity");

  // EKS node groups
  public static final Attr EKS_MIN_SIZE = Attr.named("scaling_config.min_size").terraform("scaling_config.min_size")
      .cloudformation("Properties.ScalingConfig.MinSize");
  public static final Attr EKS_MAX_SIZE = Attr.named("scaling_config.max_size").terraform("scaling_config.max_size")
      .cloudformation("Properties.ScalingConfig.MaxSize");
  public static final Attr EKS_DESIRED_SIZE = Attr.named("scaling_config.desired_size")
      .terraform("scaling_config.desired_size").cloudformation("Properties.ScalingConfig.DesiredSize");
  public static final Attr EKS_SUBNETS = Attr.named("subnet_ids").terraform("subnet_ids")
      .cloudformation("Properties.Subnets");

  // Aurora clusters and their Application Auto Scaling targets
  public static final Attr ENGINE_MODE = Attr.named("engine_mode").terraform("engine_mode")
      .cloudformation("Properties.EngineMode");
  public static final Attr CLUSTER_SCALABILITY_TYPE = Attr.named("cluster_scalability_type")
      .terraform("cluster_scalability_type").cloudformation("Properties.ClusterScalabilityType");
  public static final Attr SCALABLE_DIMENSION = Attr.named("scalable_dimension").terraform("scalable_dimension")
      .cloudformation("Properties.ScalableDimension");

  // ECS
  public static final Attr ECS_DESIRED_COUNT = Attr.named("desired_count").terraform("desired_count")
      .cloudformation("Properties.DesiredCount");
  public static final Attr ECS_SCHEDULING = Attr.named("scheduling_strategy").terraform("scheduling_strategy")
      .cloudformation("Properties.SchedulingStrategy");
  public static final Attr ECS_SUBNETS = Attr.named("network_configuration.subnets")
      .terraform("network_configuration.subnets")
      .cloudformation("Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets");
  public static final Attr ECS_PLACEMENT_STRATEGY = Attr.named("ordered_placement_strategy")
      .terraform("ordered_placement_strategy").cloudformation("Properties.PlacementStrategies");
  /** The type of one placement strategy entry (binpack, spread, random). */
  public static final Attr PLACEMENT_TYPE = Attr.named("type").terraform("type").cloudformation("Type");
  public static final Attr AUTOSCALING_MIN_CAPACITY = Attr.named("min_capacity").terraform("min_capacity")
      .cloudformation("Properties.MinCapacity");
  public static final Attr AUTOSCALING_NAMESPACE = Attr.named("service_namespace").terraform("service_namespace")
      .cloudformation("Properties.ServiceNamespace");

  // Lambda
  public static final Attr LAMBDA_SUBNETS = Attr.named("vpc_config.subnet_ids").terraform("vpc_config.subnet_ids")
      .cloudformation("Properties.VpcConfig.SubnetIds");

  // OpenSearch / Elasticsearch
  public static final Attr SEARCH_DATA_NODES = Attr.named("cluster_config.instance_count")
      .terraform("cluster_config.instance_count").cloudformation("Properties.ClusterConfig.InstanceCount");
  public static final Attr SEARCH_ZONE_AWARENESS = Attr.named("cluster_config.zone_awareness_enabled")
      .terraform("cluster_config.zone_awareness_enabled")
      .cloudformation("Properties.ClusterConfig.ZoneAwarenessEnabled");
  public static final Attr SEARCH_DEDICATED_MASTER = Attr.named("cluster_config.dedicated_master_enabled")
      .terraform("cluster_config.dedicated_master_enabled")
      .cloudformation("Properties.ClusterConfig.DedicatedMasterEnabled");
  public static final Attr ES_DATA_NODES = Attr.named("cluster_config.instance_count")
      .terraform("cluster_config.instance_count")
      .cloudformation("Properties.ElasticsearchClusterConfig.InstanceCount");
  public static final Attr ES_ZONE_AWARENESS = Attr.named("cluster_config.zone_awareness_enabled")
      .terraform("cluster_config.zone_awareness_enabled")
      .cloudformation("Properties.ElasticsearchClusterConfig.ZoneAwarenessEnabled");
  public static final Attr ES_DEDICATED_MASTER = Attr.named("cluster_config.dedicated_master_enabled")
      .terraform("cluster_config.dedicated_master_enabled")
      .cloudformation("Properties.ElasticsearchClusterConfig.DedicatedMasterEnabled");

  // Memcached, MemoryDB, Redshift
  public static final Attr MEMCACHED_AZ_MODE = Attr.named("az_mode").terraform("az_mode")
      .cloudformation("Properties.AZMode");
  public static final Attr MEMORYDB_REPLICAS = Attr.named("num_replicas_per_shard").terraform("num_replicas_per_shard")
      .cloudformation("Properties.NumReplicasPerShard");
  public static final Attr REDSHIFT_CLUSTER_TYPE = Attr.named("cluster_type").terraform("cluster_type")
      .cloudformation("Properties.ClusterType");
  public static final Attr REDSHIFT_NODES = Attr.named("number_of_nodes").terraform("number_of_nodes")
      .cloudformation("Properties.NumberOfNodes");

  // DocumentDB / Neptune / RDS cluster members
  public static final Attr MEMBER_CLUSTER_ID = Attr.named("cluster_identifier").terraform("cluster_identifier")
      .cloudformation("Properties.DBClusterIdentifier");
  public static final Attr MEMBER_AZ = Attr.named("availability_zone").terraform("availability_zone")
      .cloudformation("Properties.AvailabilityZone");

  // Route 53 failover
  public static final Attr RECORD_FAILOVER = Attr.named("failover_routing_policy.type")
      .terraform("failover_routing_policy.type").cloudformation("Properties.Failover");
  public static final Attr RECORD_HEALTH_CHECK = Attr.named("health_check_id").terraform("health_check_id")
      .cloudformation("Properties.HealthCheckId");
  public static final Attr RECORD_ALIAS_HEALTH = Attr.named("alias.evaluate_target_health")
      .terraform("alias.evaluate_target_health").cloudformation("Properties.AliasTarget.EvaluateTargetHealth");
  public static final Attr RECORD_NAME = Attr.named("name").terraform("name").cloudformation("Properties.Name");
  public static final Attr RECORD_TYPE = Attr.named("type").terraform("type").cloudformation("Properties.Type");
  public static final Attr RECORD_ZONE = Attr.named("zone_id").terraform("zone_id")
      .cloudformation("Properties.HostedZoneId");
  public static final Attr RECORD_ZONE_NAME = Attr.named("zone_name").cloudformation("Properties.HostedZoneName");

  // VPN, Direct Connect, Network Firewall, Transit Gateway
  public static final Attr VPN_GATEWAY = Attr.named("vpn_gateway_id").terraform("vpn_gateway_id")
      .cloudformation("Properties.VpnGatewayId");
  public static final Attr VPN_TRANSIT_GATEWAY = Attr.named("transit_gateway_id").terraform("transit_gateway_id")
      .cloudformation("Properties.TransitGatewayId");
  public static final Attr VPN_CUSTOMER_GATEWAY = Attr.named("customer_gateway_id")
      .terraform("customer_gateway_id").cloudformation("Properties.CustomerGatewayId");
  public static final Attr DX_LOCATION = Attr.named("location").terraform("location");
  public static final Attr NFW_SUBNET_MAPPINGS = Attr.named("subnet_mapping").terraform("subnet_mapping")
      .cloudformation("Properties.SubnetMappings");
  public static final Attr TGW_SUBNETS = Attr.named("subnet_ids").terraform("subnet_ids")
      .cloudformation("Properties.SubnetIds");
}
