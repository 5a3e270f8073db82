namespace Collaboration.Web.Pages.Portal;

/// <summary>
/// The six MRCs of Lanaudière as simplified shapes on a 400 × 480 grid (north at the top: Matawinie
/// across the north, D'Autray along the river to the east, Les Moulins to the south-west), with where
/// each label goes. Drawn by hand: no map tiles may be fetched.
/// </summary>
public static class MrcMap
{
    public static IReadOnlyList<(Mrc Mrc, string Points, int LabelX, int LabelY)> Shapes { get; } =
    [
        (Mrc.Matawinie, "40,20 360,20 370,220 290,250 200,240 120,260 50,230", 205, 120),
        (Mrc.DAutray, "290,250 370,220 385,360 300,400 280,330", 330, 305),
        (Mrc.Joliette, "200,240 290,250 280,330 230,350 190,300", 240, 290),
        (Mrc.Montcalm, "50,230 120,260 200,240 190,300 140,360 60,340", 120, 295),
        (Mrc.LAssomption, "190,300 230,350 280,330 300,400 230,440 180,400", 238, 395),
        (Mrc.LesMoulins, "140,360 190,300 180,400 230,440 150,470 100,420", 160, 420),
    ];
}
