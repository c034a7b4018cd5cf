package io.spofscan.rules.support;

import io.spofscan.core.model.Attr;
import io.spofscan.core.model.Kind;
import io.spofscan.core.model.Model;
import io.spofscan.core.model.Resource;
import io.spofscan.core.rule.Reporter;
import io.spofscan.core.rule.ResourceRule;

/**
 * The shared shape of rules about a resource that lives in the subnets it is given (a Lambda function's VPC
 * interfaces, a firewall's endpoints, a transit gateway attachment): one subnet is one Availability Zone.
 */
public abstract class SingleSubnetRule implements ResourceRule {
  private final Kind kind;
  private final Attr subnets;
  private final String consequence;

  /** @param consequence what happens when that zone fails, e.g. "the function cannot reach the VPC" */
  protected SingleSubnetRule(Kind kind, Attr subnets, String consequence) {
    this.kind = kind;
    this.subnets = subnets;
    this.consequence = consequence;
  }

  @Override
  public boolean appliesTo(Resource r) {
    return r.is(kind);
  }

  @Override
  public void check(Resource r, Model model, Reporter report) {
    Verdict.of(r).moreThanOne(subnets, "subnet", consequence)
        .report(report, "lives in one Availability Zone", "may live in one Availability Zone");
  }
}
