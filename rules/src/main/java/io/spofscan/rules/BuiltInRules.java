package io.spofscan.rules;

import io.spofscan.core.rule.Rule;
import io.spofscan.rules.analytics.RedshiftSingleNode;
import io.spofscan.rules.azure.AksNodePoolWithoutZones;
import io.spofscan.rules.azure.AppServicePlanSingleInstance;
import io.spofscan.rules.azure.ApplicationGatewaySingleInstance;
import io.spofscan.rules.azure.AzureFlexibleServerNoHa;
import io.spofscan.rules.azure.RedisCacheWithoutReplica;
import io.spofscan.rules.azure.SearchServiceSingleReplica;
import io.spofscan.rules.azure.SqlNotZoneRedundant;
import io.spofscan.rules.azure.StorageAccountOneDatacenter;
import io.spofscan.rules.azure.VirtualMachineWithoutRedundancy;
import io.spofscan.rules.azure.VnetSingleDnsServer;
import io.spofscan.rules.cache.MemcachedSingleAz;
import io.spofscan.rules.cache.MemoryDbNoReplicas;
import io.spofscan.rules.cache.RedisReplicationGroupNoFailover;
import io.spofscan.rules.cache.RedisSingleNodeCluster;
import io.spofscan.rules.cloud.AuroraSingleInstance;
import io.spofscan.rules.cloud.RdsSingleAz;
import io.spofscan.rules.compute.AsgSingleInstance;
import io.spofscan.rules.compute.EksNodeGroupSingleNode;
import io.spofscan.rules.compute.LambdaSingleSubnet;
import io.spofscan.rules.containers.EcsServiceSingleTask;
import io.spofscan.rules.delivery.DeployJobSingleRunner;
import io.spofscan.rules.dns.SingleProviderDnsZone;
import io.spofscan.rules.flow.OneZoneTier;
import io.spofscan.rules.gcp.AlloyDbZonalPrimary;
import io.spofscan.rules.gcp.BackendServiceSingleZonalBackend;
import io.spofscan.rules.gcp.CloudSqlZonal;
import io.spofscan.rules.gcp.FilestoreZonalTier;
import io.spofscan.rules.gcp.GkeNodePoolSingleNode;
import io.spofscan.rules.gcp.GkeZonalCluster;
import io.spofscan.rules.gcp.MemorystoreBasicTier;
import io.spofscan.rules.gcp.MemorystoreClusterNoReplicas;
import io.spofscan.rules.gcp.ZonalManagedInstanceGroup;
import io.spofscan.rules.k8s.ConfigStoreSingleInstance;
import io.spofscan.rules.k8s.HpaMinReplicas;
import io.spofscan.rules.k8s.LocalStorageReplicated;
import io.spofscan.rules.k8s.PdbBlocksDisruption;
import io.spofscan.rules.k8s.PdbSelectsNothing;
import io.spofscan.rules.k8s.PinnedToNode;
import io.spofscan.rules.k8s.QuorumOfTwo;
import io.spofscan.rules.k8s.RecreateBehindService;
import io.spofscan.rules.k8s.RedisSingleReplica;
import io.spofscan.rules.k8s.SingleReplicaEntryPoint;
import io.spofscan.rules.k8s.HelmChartWithoutRedundancy;
import io.spofscan.rules.k8s.SingleReplicaWorkload;
import io.spofscan.rules.k8s.StatefulSingleReplica;
import io.spofscan.rules.k8s.UnprotectedReplicas;
import io.spofscan.rules.migration.ConstraintValidatedUnderLock;
import io.spofscan.rules.migration.ExclusiveRewrite;
import io.spofscan.rules.migration.ExplicitTableLock;
import io.spofscan.rules.migration.IndexWithoutConcurrently;
import io.spofscan.rules.migration.LocksHeldAcrossTransaction;
import io.spofscan.rules.migration.MysqlCopyingAlter;
import io.spofscan.rules.migration.TableRewrite;
import io.spofscan.rules.migration.WholeTableDml;
import io.spofscan.rules.network.CloudFrontNoOriginFailover;
import io.spofscan.rules.network.LoadBalancerCrossZoneOff;
import io.spofscan.rules.network.LoadBalancerSingleZone;
import io.spofscan.rules.network.NetworkFirewallSingleSubnet;
import io.spofscan.rules.network.SingleNatGateway;
import io.spofscan.rules.network.TransitGatewayAttachmentSingleSubnet;
import io.spofscan.rules.people.SingleAuthorHistory;
import io.spofscan.rules.people.SingleCodeOwner;
import io.spofscan.rules.rollout.AsgRefreshAllAtOnce;
import io.spofscan.rules.rollout.CodeDeployAllAtOnce;
import io.spofscan.rules.rollout.EcsDeploymentAllAtOnce;
import io.spofscan.rules.rollout.NodePoolUpgradeAllAtOnce;
import io.spofscan.rules.rollout.RolloutAllAtOnce;
import io.spofscan.rules.search.OpenSearchDomainNotResilient;
import io.spofscan.rules.storage.EfsOneZone;
import io.spofscan.rules.tls.AcmImportedCertificate;
import io.spofscan.rules.tls.CommittedTlsSecret;
import io.spofscan.rules.tls.IamServerCertificate;
import io.spofscan.rules.tls.IngressTlsWithoutCertManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in rules, in a fixed order. Adding a rule means adding it here (a test checks none is forgotten). */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static final List<Rule> ALL = List.of(
      new RdsSingleAz(),
      new CloudSqlZonal(),
      new AzureFlexibleServerNoHa(),
      new AuroraSingleInstance(),
      new RedisSingleNodeCluster(),
      new RedisReplicationGroupNoFailover(),
      new RedisSingleReplica(),
      new SingleReplicaWorkload(),
      new HpaMinReplicas(),
      new UnprotectedReplicas(),
      new PdbBlocksDisruption(),
      new PdbSelectsNothing(),
      new PinnedToNode(),
      new StatefulSingleReplica(),
      new HelmChartWithoutRedundancy(),
      new QuorumOfTwo(),
      new ConfigStoreSingleInstance(),
      new SingleReplicaEntryPoint(),
      new LocalStorageReplicated(),
      new RecreateBehindService(),
      new AcmImportedCertificate(),
      new IamServerCertificate(),
      new IngressTlsWithoutCertManager(),
      new CommittedTlsSecret(),
      new SingleProviderDnsZone(),
      new SingleNatGateway(),
      new EksNodeGroupSingleNode(),
      new AsgSingleInstance(),
      new LoadBalancerSingleZone(),
      new LoadBalancerCrossZoneOff(),
      new CloudFrontNoOriginFailover(),
      new EfsOneZone(),
      new EcsServiceSingleTask(),
      new OpenSearchDomainNotResilient(),
      new MemcachedSingleAz(),
      new MemoryDbNoReplicas(),
      new RedshiftSingleNode(),
      new LambdaSingleSubnet(),
      new OneZoneTier(),
      new NetworkFirewallSingleSubnet(),
      new TransitGatewayAttachmentSingleSubnet(),
      new GkeZonalCluster(),
      new GkeNodePoolSingleNode(),
      new MemorystoreBasicTier(),
      new MemorystoreClusterNoReplicas(),
      new ZonalManagedInstanceGroup(),
      new AlloyDbZonalPrimary(),
      new FilestoreZonalTier(),
      new BackendServiceSingleZonalBackend(),
      new AksNodePoolWithoutZones(),
      new RedisCacheWithoutReplica(),
      new AppServicePlanSingleInstance(),
      new SqlNotZoneRedundant(),
      new SearchServiceSingleReplica(),
      new ApplicationGatewaySingleInstance(),
      new VirtualMachineWithoutRedundancy(),
      new VnetSingleDnsServer(),
      new StorageAccountOneDatacenter(),
      new WholeTableDml(),
      new IndexWithoutConcurrently(),
      new TableRewrite(),
      new ConstraintValidatedUnderLock(),
      new ExplicitTableLock(),
      new ExclusiveRewrite(),
      new MysqlCopyingAlter(),
      new LocksHeldAcrossTransaction(),
      new RolloutAllAtOnce(),
      new SingleCodeOwner(),
      new SingleAuthorHistory(),
      new DeployJobSingleRunner(),
      new EcsDeploymentAllAtOnce(),
      new AsgRefreshAllAtOnce(),
      new NodePoolUpgradeAllAtOnce(),
      new CodeDeployAllAtOnce());

  private static final Map<String, Rule> BY_ID = index();

  private static Map<String, Rule> index() {
    Map<String, Rule> m = new LinkedHashMap<>();
    for (Rule r : ALL) {
      if (m.put(r.meta().id(), r) != null) {
        throw new IllegalStateException("duplicate rule id " + r.meta().id());
      }
    }
    return Map.copyOf(m);
  }

  /** The rule with this id (exact, e.g. {@code SPOF-RDS-001}). */
  public static Optional<Rule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
