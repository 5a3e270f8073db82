global using Orleans;
global using Orleans.Hosting;
global using Collaboration.Grains.Regions;
