package io.spofscan.rules.search;

import static io.spofscan.rules.catalog.Attrs.ES_DATA_NODES;
import static io.spofscan.rules.catalog.Attrs.ES_DEDICATED_MASTER;
import static io.spofscan.rules.catalog.Attrs.ES_ZONE_AWARENESS;
import static io.spofscan.rules.catalog.Attrs.SEARCH_DATA_NODES;
import static io.spofscan.rules.catalog.Attrs.SEARCH_DEDICATED_MASTER;
import static io.spofscan.rules.catalog.Attrs.SEARCH_ZONE_AWARENESS;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Format;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;
import io.spofscan.core.rule.RuleInfo;
import io.spofscan.core.rule.Severity;
import io.spofscan.rules.catalog.Kinds;
import io.spofscan.rules.support.Verdict;
import java.util.OptionalLong;

@RuleInfo(
    id = "SPOF-OPENSEARCH-001",
    title = "OpenSearch domain with fewer than 3 data nodes, zone awareness off, or no dedicated masters",
    severity = Severity.HIGH,
    formats = {Format.TERRAFORM, Format.CLOUDFORMATION},
    rationale = "An OpenSearch (or Elasticsearch) domain needs three master-eligible nodes to keep a quorum when "
        + "one fails, and zone awareness to place replica shards in another Availability Zone. With fewer data "
        + "nodes and no dedicated masters, one node failure stops writes or the whole cluster; without zone "
        + "awareness a zone outage can take every copy of a shard; a large cluster without dedicated masters "
        + "loses its master to data-node load.",
    remediation = "Run at least 3 data nodes (cluster_config.instance_count / ClusterConfig.InstanceCount), enable "
        + "zone awareness (zone_awareness_enabled, ideally over 3 zones), and enable 3 dedicated master nodes "
        + "(dedicated_master_enabled, dedicated_master_count = 3) once the domain has 10 or more data nodes.",
    tags = {"aws", "opensearch", "elasticsearch", "search", "availability-zone"},
    references = {
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/bp.html#bp-availability",
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html",
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#cluster_config"})
public final class OpenSearchDomainNotResilient implements ResourceRule {

  /** Data nodes from which AWS recommends dedicated master nodes. */
  private static final long DEDICATED_MASTERS_FROM = 10;

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(Kinds.OPENSEARCH_DOMAIN) || r.is(Kinds.ELASTICSEARCH_DOMAIN);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    // The CloudFormation Elasticsearch type names its block ElasticsearchClusterConfig; the others ClusterConfig.
    boolean legacy = r.is(Kinds.ELASTICSEARCH_DOMAIN);
    Attr nodes = legacy ? ES_DATA_NODES : SEARCH_DATA_NODES;
    Attr zoneAware = legacy ? ES_ZONE_AWARENESS : SEARCH_ZONE_AWARENESS;
    Attr masters = legacy ? ES_DEDICATED_MASTER : SEARCH_DEDICATED_MASTER;
    Verdict verdict = Verdict.of(r);
    OptionalLong count = verdict.atLeast(nodes, 1, 3, "data node");
    verdict.requireTrue(zoneAware, false, "zone awareness is off, so all copies of a shard may sit in one "
        + "Availability Zone");
    if (count.isPresent() && count.getAsLong() >= DEDICATED_MASTERS_FROM) {
      verdict.requireTrue(masters, false, "it has " + count.getAsLong() + " data nodes and no dedicated master "
          + "nodes");
    }
    verdict.report(report, "cannot survive the loss of a node or an Availability Zone",
        "may not survive the loss of a node or an Availability Zone");
  }
}
