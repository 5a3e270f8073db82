global using Orleans;
global using Orleans.Runtime;
global using Collaboration.Grains.Regions;
