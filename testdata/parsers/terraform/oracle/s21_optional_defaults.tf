variable "cfg" {
  type = object({
    multi_az = optional(bool, true)
    size     = optional(number)
    nested   = optional(object({ a = optional(list(string), []) }), {})
    tags     = optional(map(string), { "" = "x" })
  })
  default = {}
}
