package com.bertramlabs.plugins.hcl4j;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * The benchmark baseline for Terraform: hcl4j's lexer alone (package-private, hence this class in its package),
 * without any of spofscan's model building, evaluation or location bookkeeping.
 */
public final class RawHclLexer {
  private RawHclLexer() {}

  public static List<Symbol> lex(Reader reader) throws IOException, HCLParserException {
    HCLLexer lexer = new HCLLexer(reader);
    lexer.yylex();
    return lexer.elementStack;
  }
}
