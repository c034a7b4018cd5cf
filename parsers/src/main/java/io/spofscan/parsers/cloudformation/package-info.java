/**
 * CloudFormation templates as CloudFormation evaluates them.
 *
 * <p>{@link io.spofscan.parsers.cloudformation.CloudFormationReader} gives one resource per logical id (address the
 * id, {@code Parent/Child} inside local nested stacks), located at the id's key, with the body's intrinsic functions
 * evaluated by {@code CfnEvaluator}: Ref (parameters from {@code --param}, else Default, else unknown; pseudo
 * parameters unknown unless given; AWS::NoValue removes the property), Fn::If over Conditions (Equals, And, Or,
 * Not, Condition; an unknown condition is decided when every AllowedValues combination agrees), FindInMap (with
 * DefaultValue), Sub, Join, Select, Split, GetAZs, Base64, Cidr, Length, ToJsonString; GetAtt and ImportValue are
 * unknown until deployment but recorded as references, with Ref, Sub and DependsOn. A resource behind a false
 * Condition is left out; behind an unknown one its existence is unknown. Fn::ForEach loops are expanded.
 * Duplicate keys, aliases, merge keys and unknown tags are errors, as CloudFormation rejects them.
 * {@link io.spofscan.parsers.cloudformation.CfnParameterFiles} reads {@code --param-file} files.
 */
package io.spofscan.parsers.cloudformation;
