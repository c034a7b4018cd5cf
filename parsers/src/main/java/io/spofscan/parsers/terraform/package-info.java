/**
 * Terraform as Terraform sees it.
 *
 * <p>Reading: {@link io.spofscan.parsers.terraform.HclPreprocessor} prepares the text without moving any character
 * (for-expressions and awkward object keys blanked, line-separator characters replaced, brackets/strings/heredocs
 * checked); hcl4j's lexer (only its lexer, through {@code com.bertramlabs.plugins.hcl4j.HclLexerAccess}) gives the
 * block/attribute structure, one top-level block at a time and in a worker with a deadline;
 * {@link io.spofscan.parsers.terraform.ExprParser} parses each attribute's expression from the original text.
 * .tf.json and .tfvars.json are read with Jackson ({@link io.spofscan.parsers.terraform.LocatedJson}).
 *
 * <p>Meaning: {@link io.spofscan.parsers.terraform.TerraformParser} treats each directory as a module, binds variables
 * in Terraform's precedence (default, TF_VAR_, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars in order,
 * --var-file, --var), applies type constraints and override files, expands count/for_each/dynamic, follows local
 * modules inside the scan root, and evaluates with {@link io.spofscan.parsers.terraform.Evaluator}: anything that
 * depends on what the scan cannot know is {@code Value.Unknown} with the reason.
 * {@link io.spofscan.parsers.terraform.TerraformPlanParser} reads {@code terraform show -json} plans.
 */
package io.spofscan.parsers.terraform;
