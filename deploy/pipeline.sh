#!/bin/sh
# The image's `pipeline` command: the framework-dependent app through whichever dotnet the image has.
exec dotnet /app/pipeline.dll "$@"
