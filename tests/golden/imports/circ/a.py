from circ.b import b_value
a_value = "A"
