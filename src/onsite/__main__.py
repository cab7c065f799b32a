from onsite.cli import main

main()
