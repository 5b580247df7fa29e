class C(B, metaclass=M):
    "doc"
    x = 1
    def m(self): return super().m()
