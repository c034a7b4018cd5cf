check "health" {
  data "http" "h" {
    url = "https://example.com"
  }
  assert {
    condition     = data.http.h.status_code == 200
    error_message = "down"
  }
}
import {
  to = aws_instance.a
  id = "i-123"
}
import {
  for_each = var.ids
  to       = aws_instance.b[each.key]
  id       = each.value
}
moved {
  from = aws_instance.old
  to   = aws_instance.a
}
removed {
  from = aws_instance.gone
  lifecycle {
    destroy = false
  }
}
