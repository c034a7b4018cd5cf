locals {
  profiles = {
    # keep the type of each attribute
    for k, v in var.pools : k => {
      size = v.size
    }
  }
  after = "still inside locals"
}
