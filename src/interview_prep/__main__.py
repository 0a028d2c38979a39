from interview_prep.cli import main

main()
