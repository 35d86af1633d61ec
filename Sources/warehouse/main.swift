// placeholder: the CLI lands with the storage stage
print("warehouse: not built yet")
