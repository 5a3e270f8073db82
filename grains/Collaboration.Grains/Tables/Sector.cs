namespace Collaboration.Grains.Tables;

public enum Sector { Communautaire, Institutionnel, Economique, Municipal, Autre }
