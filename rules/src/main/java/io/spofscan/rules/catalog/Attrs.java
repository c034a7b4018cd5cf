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
}
