"""The app's routes, one module per area. Each handler makes its sessions/ calls and renders."""
