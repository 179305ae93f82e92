class DataLoader: pass
