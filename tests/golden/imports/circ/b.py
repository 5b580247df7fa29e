from circ.a import a_value
b_value = "B"
