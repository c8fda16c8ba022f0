print("handled")
