locals {
  a = "tab\there \"quoted\" back\\slash"
  b = "\u00e9\U0001F600"
  c = "line\nbreak\r"
}
