variable "a" {
  type = map(object({
    name = string
    list = list(object({ x = number }))
    any  = any
    tup  = tuple([string, number])
    set  = set(string)
  }))
  default = null
  nullable = true
  sensitive = false
  ephemeral = true
  validation {
    condition     = var.a == null || length(var.a) > 0
    error_message = "x"
  }
}
