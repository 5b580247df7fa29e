print("init sub", __name__)
