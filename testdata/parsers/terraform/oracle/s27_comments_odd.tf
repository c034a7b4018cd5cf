locals {
  l = [
    1, # one
    2, // two
    /* three */ 3,
  ]
  m = {
    a = 1 /* inline */
    // before close
  }
}
/* block
comment */
