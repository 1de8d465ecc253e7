from radar_as_code.cli import entry

entry()
