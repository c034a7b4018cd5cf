c = "a.auto"
