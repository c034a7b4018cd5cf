locals { r = regexall("(.*a){15}b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }
