#!/usr/bin/env node
import { readVersion } from '../node/read-sources.js';
import { cli } from './cli.js';

process.exitCode = await cli(process.argv.slice(2), await readVersion());
